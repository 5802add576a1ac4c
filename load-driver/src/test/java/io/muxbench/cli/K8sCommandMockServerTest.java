package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code muxbench k8s} prints, created on fabric8's mock API server (CRUD mode: it stores what
 * it is sent and answers reads from it) the way {@code kubectl apply} would, and read back. No cluster.
 */
@EnableKubernetesMockClient(crud = true)
class K8sCommandMockServerTest {

    private static final String NAMESPACE = "bench";

    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void theJobConfigMapAndClaimAreAcceptedAndReadBackWhole() throws Exception {
        CliRun run = CliRun.of(K8sCommandTest.goldenFlags(dir).toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());

        List<HasMetadata> objects = client.load(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8))).items();
        assertEquals(List.of("ConfigMap", "PersistentVolumeClaim", "Job"), objects.stream().map(HasMetadata::getKind).toList());
        for (HasMetadata object : objects) {
            client.resource(object).create();
        }

        Job job = client.batch().v1().jobs().inNamespace(NAMESPACE).withName("h2-vs-h1").get();
        assertNotNull(job, "the Job is stored");
        assertEquals("Indexed", job.getSpec().getCompletionMode());
        assertEquals(3, job.getSpec().getCompletions());
        assertEquals(3, job.getSpec().getParallelism());
        assertEquals(0, job.getSpec().getBackoffLimit());
        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("registry.example/muxbench:0.1.0", container.getImage());
        assertEquals(List.of("run", "--shard", "3", "--start-at", "2026-12-01T10:00:00Z",
                "--target", "https://shop.bench.svc:8443",
                "-s", "blog", "-s", "/scenarios/shop.json", "-m", "h1,h2", "-l", "none", "--reuse", "warm",
                "-b", "30", "-n", "3000", "--rate", "25", "--rounds", "2", "--insecure",
                "-o", "/results/h2-vs-h1/shard-$(JOB_COMPLETION_INDEX)", "--no-report", "--quiet"), container.getArgs());
        assertEquals(new Quantity("2"), container.getResources().getRequests().get("cpu"));
        assertEquals(new Quantity("3Gi"), container.getResources().getLimits().get("memory"));
        assertEquals("kubernetes.io/hostname", job.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().get(0).getTopologyKey());

        ConfigMap scenarios = client.configMaps().inNamespace(NAMESPACE).withName("h2-vs-h1-scenarios").get();
        assertNotNull(scenarios, "the ConfigMap is stored");
        try (InputStream in = K8sCommandTest.class.getResourceAsStream("k8s/shop.json")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), scenarios.getData().get("shop.json"));
        }
        assertEquals(1, scenarios.getData().size(), "a bundled scenario is in the image, not the ConfigMap");

        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("h2-vs-h1-results").get();
        assertNotNull(claim, "the claim is stored");
        assertEquals(List.of("ReadWriteMany"), claim.getSpec().getAccessModes());
        assertEquals(new Quantity("5Gi"), claim.getSpec().getResources().getRequests().get("storage"));
        assertEquals("nfs", claim.getSpec().getStorageClassName());
        assertTrue(job.getSpec().getTemplate().getSpec().getVolumes().stream()
                .anyMatch(v -> v.getPersistentVolumeClaim() != null
                        && v.getPersistentVolumeClaim().getClaimName().equals(claim.getMetadata().getName())),
                "the pods mount the claim");
    }
}
