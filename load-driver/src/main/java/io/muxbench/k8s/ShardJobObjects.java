package io.muxbench.k8s;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a {@link ShardJob}, in the order {@code kubectl apply} should create them: the
 * scenarios' ConfigMap (when a scenario is a file), the results claim (unless an existing one is
 * named), then the Indexed Job. Built with fabric8's model and written by its serialization, so the
 * YAML is what the API server reads back.
 */
public final class ShardJobObjects {

    /** The container's name, and the label every object carries. */
    static final String APP = "muxbench";
    private static final String RESULTS_VOLUME = "results";
    private static final String SCENARIOS_VOLUME = "scenarios";

    private ShardJobObjects() {
    }

    /** The objects, ready for {@code kubectl apply}: the ConfigMap and claim first, the Job last. */
    public static List<HasMetadata> of(ShardJob job) {
        List<HasMetadata> objects = new ArrayList<>();
        if (!job.scenarioFiles().isEmpty()) {
            objects.add(new ConfigMapBuilder().withMetadata(metadata(job, job.configMapName()))
                    .withData(job.scenarioFiles()).build());
        }
        if (job.claim().existing() == null) {
            objects.add(new PersistentVolumeClaimBuilder().withMetadata(metadata(job, job.claimName()))
                    .withNewSpec()
                    // every node's pod writes to it at once
                    .withAccessModes("ReadWriteMany")
                    .withStorageClassName(job.claim().storageClass())
                    .withNewResources().addToRequests("storage", new Quantity(job.claim().storage())).endResources()
                    .endSpec().build());
        }
        objects.add(new JobBuilder().withMetadata(metadata(job, job.name()))
                .withNewSpec()
                .withCompletionMode("Indexed")
                .withCompletions(job.shards())
                .withParallelism(job.shards())
                // a shard run again would start after the others and measure a different load: fail instead
                .withBackoffLimit(0)
                .withNewTemplate()
                .withNewMetadata().withLabels(labels(job)).endMetadata()
                .withSpec(podSpec(job))
                .endTemplate()
                .endSpec().build());
        return objects;
    }

    /** The objects as one multi-document YAML stream, each document starting with {@code ---}. */
    public static String yaml(ShardJob job) {
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata object : of(job)) {
            yaml.append(Serialization.asYaml(object));
        }
        return yaml.toString();
    }

    /** One pod per node: a shard sharing a machine would measure that machine's contention, not the server. */
    private static io.fabric8.kubernetes.api.model.PodSpec podSpec(ShardJob job) {
        PodSpecBuilder spec = new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withNewAffinity().withNewPodAntiAffinity()
                .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withTopologyKey("kubernetes.io/hostname")
                .withNewLabelSelector().withMatchLabels(labels(job)).endLabelSelector()
                .endRequiredDuringSchedulingIgnoredDuringExecution()
                .endPodAntiAffinity().endAffinity()
                .withContainers(container(job))
                .addNewVolume().withName(RESULTS_VOLUME)
                .withNewPersistentVolumeClaim().withClaimName(job.claimName()).endPersistentVolumeClaim()
                .endVolume();
        if (!job.scenarioFiles().isEmpty()) {
            spec.addNewVolume().withName(SCENARIOS_VOLUME)
                    .withNewConfigMap().withName(job.configMapName()).endConfigMap()
                    .endVolume();
        }
        return spec.build();
    }

    private static io.fabric8.kubernetes.api.model.Container container(ShardJob job) {
        ContainerBuilder container = new ContainerBuilder()
                .withName(APP)
                .withImage(job.image())
                // a tag such as latest would mean Always, and an image loaded into the nodes (kind load) would not be found
                .withImagePullPolicy("IfNotPresent")
                .withArgs(arguments(job))
                .withNewResources()
                .addToRequests("cpu", new Quantity(job.resources().cpu()))
                .addToRequests("memory", new Quantity(job.resources().memory()))
                .addToLimits("memory", new Quantity(job.resources().memory()))
                .endResources()
                .addNewVolumeMount().withName(RESULTS_VOLUME).withMountPath(ShardJob.RESULTS_DIR).endVolumeMount();
        if (!job.scenarioFiles().isEmpty()) {
            container.addNewVolumeMount().withName(SCENARIOS_VOLUME).withMountPath(ShardJob.SCENARIO_DIR)
                    .withReadOnly(true).endVolumeMount();
        }
        return container.build();
    }

    /**
     * {@code run --shard N}: each pod takes its index from JOB_COMPLETION_INDEX, which the Job sets, and
     * Kubernetes expands {@code $(JOB_COMPLETION_INDEX)} in the folder's argument from the same variable.
     */
    static List<String> arguments(ShardJob job) {
        List<String> args = new ArrayList<>(List.of("run",
                "--shard", Integer.toString(job.shards()),
                "--start-at", job.startAt().toString(),
                "--target", job.target().toString()));
        args.addAll(job.runArguments());
        args.addAll(List.of("-o", job.shardFolder(), "--no-report", "--quiet"));
        return args;
    }

    private static ObjectMeta metadata(ShardJob job, String name) {
        return new ObjectMetaBuilder().withName(name).withNamespace(job.namespace()).withLabels(labels(job)).build();
    }

    private static Map<String, String> labels(ShardJob job) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", APP);
        labels.put("app.kubernetes.io/instance", job.name());
        return labels;
    }
}
