package dev.livecheck.livekit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.livecheck.config.LivecheckException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.Map;

/**
 * LiveKit in a Testcontainers container. Host networking, because Testcontainers maps TCP only and
 * WebRTC media needs UDP. Ryuk can't run without a registry, so containers carry livecheck's labels and
 * leftovers of dead runs are removed here at start-up.
 */
final class ContainerLiveKit extends LocalLiveKit {
    static final String OWNER_LABEL = "livecheck.owner";
    static final String PID_LABEL = "livecheck.pid";

    private final GenericContainer<?> container;

    @SuppressWarnings("resource")
    ContainerLiveKit(String image, String version, LocalServerConfig config) {
        super(config, version);
        removeLeftovers();
        container = new GenericContainer<>(DockerImageName.parse(image))
                .withNetworkMode("host")
                .withCopyToContainer(Transferable.of(config.yaml(), 0600), "/livekit.yaml")
                .withCommand("--config", "/livekit.yaml")
                .withLabels(Map.of(OWNER_LABEL, "livecheck", PID_LABEL, Long.toString(ProcessHandle.current().pid())))
                .withLogConsumer(frame -> log.append(frame.getUtf8String()))
                .waitingFor(Wait.forLogMessage(".*starting LiveKit server.*", 1).withStartupTimeout(Duration.ofSeconds(30)));
        try {
            container.start();
            Readiness.awaitHttpOk(config.httpUrl(), Duration.ofSeconds(20), container::isRunning, () -> log.tail(15));
        } catch (LivecheckException e) {
            container.stop();
            throw e;
        } catch (RuntimeException e) {
            container.stop();
            throw new LivecheckException("LiveKit container (" + image + ") did not start: " + rootMessage(e)
                    + "; last log lines:\n" + log.tail(15), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "livecheck-container-stop"));
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean imageExists(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Removes livecheck containers whose JVM is gone (a killed run); never those of a live run. */
    private static void removeLeftovers() {
        DockerClient docker = DockerClientFactory.instance().client();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(OWNER_LABEL, "livecheck")).exec().forEach(c -> {
            String pid = c.getLabels().getOrDefault(PID_LABEL, "0");
            boolean ownerAlive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
            if (!ownerAlive) {
                try {
                    docker.removeContainerCmd(c.getId()).withForce(true).exec();
                } catch (ConflictException | NotFoundException alreadyGoing) {
                    // Another livecheck JVM starting at the same moment is removing the same leftover (409 "removal
                    // already in progress"), or has removed it: either way it is going, which is all this wants.
                }
            }
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public LiveKitMode mode() {
        return LiveKitMode.CONTAINER;
    }

    @Override
    public void close() {
        closeEgress();
        container.stop();
    }
}
