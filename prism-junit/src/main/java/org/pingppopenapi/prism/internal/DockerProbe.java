package org.pingppopenapi.prism.internal;

/** What the container backend needs of the machine; an interface so that the choice of backend can be tested. */
public interface DockerProbe {

    String DOCKER_CLIENT_FACTORY = "org.testcontainers.DockerClientFactory";

    /** Whether Testcontainers is on the class path (it is an optional dependency). */
    boolean testcontainersPresent();

    /** Whether a Docker engine answers; only asked when Testcontainers is present. */
    boolean dockerAvailable();

    /** This JVM and this machine. */
    static DockerProbe system() {
        return new DockerProbe() {
            @Override
            public boolean testcontainersPresent() {
                try {
                    Class.forName(DOCKER_CLIENT_FACTORY, false, DockerProbe.class.getClassLoader());
                    return true;
                } catch (ClassNotFoundException | LinkageError absent) {
                    return false;
                }
            }

            @Override
            public boolean dockerAvailable() {
                return ContainerPrism.dockerAvailable();
            }
        };
    }
}
