package io.muxbench.driver.run;

import io.muxbench.results.RunInfo;
import java.net.InetAddress;

/** The machine and software a run used, for run.json. */
public final class Environments {

    private Environments() {
    }

    public static RunInfo.Environment current() {
        Runtime runtime = Runtime.getRuntime();
        return new RunInfo.Environment(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                runtime.availableProcessors(), runtime.maxMemory(), org.eclipse.jetty.util.Jetty.VERSION, hostname());
    }

    /** This machine's name (a pod's name on Kubernetes); else $HOSTNAME; else "unknown". */
    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String variable = System.getenv("HOSTNAME");
            return variable == null || variable.isBlank() ? "unknown" : variable;
        }
    }

    /** The version in the jar manifest, or "dev" when run from classes. */
    public static String muxbenchVersion() {
        String version = Environments.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
