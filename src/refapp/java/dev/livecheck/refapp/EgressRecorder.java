package dev.livecheck.refapp;

import io.livekit.server.EgressServiceClient;
import livekit.LivekitEgress;
import retrofit2.Call;
import retrofit2.Response;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records a booking's room the way LiveKit apps do: a room-composite Egress (LiveKit's own recorder, a
 * Chrome that opens {@code /static/recording-template.html} and records the page) writing an MP4 file. LiveKit then
 * reports the room as recording to every participant.
 */
final class EgressRecorder {
    private final EgressServiceClient egress;
    private final RefAppConfig config;
    private final java.util.function.Supplier<String> appUrl;
    private final Map<String, String> activeByRoom = new ConcurrentHashMap<>();
    private final ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "refapp-egress-stopper");
        t.setDaemon(true);
        return t;
    });

    EgressRecorder(RefAppConfig config, java.util.function.Supplier<String> appUrl) {
        this.config = config;
        this.appUrl = appUrl;
        this.egress = EgressServiceClient.createClient(config.egress().apiUrl(), config.apiKey(), config.apiSecret());
    }

    /** The page Egress's Chrome opens and records; Egress adds the LiveKit URL and a token to its query. */
    private String templateUrl() {
        return appUrl.get() + "/static/recording-template.html" + templateQuery();
    }

    private String templateQuery() {
        if (config.has(Bug.RECORDING_WRITES_NOTHING)) {
            return "?subscribe=none";
        }
        return config.has(Bug.RECORDING_ONE_PARTICIPANT) ? "?subscribe=" + config.naming().role(true) : "";
    }

    /** Starts recording the room; the Egress id. */
    String start(String room) throws IOException {
        Files.createDirectories(config.egress().outputDir());
        Path file = config.egress().outputDir().resolve(room + "-" + System.currentTimeMillis() + ".mp4");
        LivekitEgress.EncodedFileOutput output = LivekitEgress.EncodedFileOutput.newBuilder()
                .setFileType(LivekitEgress.EncodedFileType.MP4).setFilepath(file.toString()).build();
        // Opus, not AAC: Debian's GStreamer has no AAC encoder Egress can use
        LivekitEgress.EncodingOptions options = LivekitEgress.EncodingOptions.newBuilder()
                .setWidth(640).setHeight(360).setFramerate(15).setVideoCodec(livekit.LivekitModels.VideoCodec.H264_MAIN).setVideoBitrate(800)
                .setAudioCodec(livekit.LivekitModels.AudioCodec.OPUS).setAudioBitrate(64).build();
        LivekitEgress.EgressInfo info = call(egress.startRoomCompositeEgress(room, output, "grid", null, options, false, false, templateUrl(), io.livekit.server.AudioMixing.DEFAULT_MIXING));
        activeByRoom.put(room, info.getEgressId());
        if (config.has(Bug.RECORDING_STOPS_EARLY)) {
            stopper.schedule(() -> stopQuietly(room), 3, TimeUnit.SECONDS);
        }
        return info.getEgressId();
    }

    void stop(String room) throws IOException {
        String id = activeByRoom.remove(room);
        if (id != null) {
            call(egress.stopEgress(id));
        }
    }

    private void stopQuietly(String room) {
        try {
            stop(room);
        } catch (IOException | RuntimeException ignored) {
            // already stopped
        }
    }

    /** The room's finished recordings, as Egress reports them. */
    List<ReferenceApp.Recording> finished(String bookingId, String room) throws IOException {
        return call(egress.listEgress(room, null, false)).stream()
                .filter(info -> info.getStatus() == LivekitEgress.EgressStatus.EGRESS_COMPLETE)
                .flatMap(info -> info.getFileResultsList().stream())
                .map(file -> new ReferenceApp.Recording(bookingId, (int) file.getSize(), file.getDuration() / 1_000_000, "video/mp4"))
                .toList();
    }

    private static <T> T call(Call<T> call) throws IOException {
        Response<T> response = call.execute();
        if (!response.isSuccessful()) {
            throw new IOException("Egress answered " + response.code() + " " + response.message());
        }
        return response.body();
    }

    void close() {
        stopper.shutdownNow();
    }
}
