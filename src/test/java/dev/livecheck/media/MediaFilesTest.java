package dev.livecheck.media;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaFilesTest {

    @Test
    void writesAY4mChromiumCanLoop(@TempDir Path dir) throws IOException {
        Path file = MediaFiles.writeY4m(dir.resolve("red.y4m"), new Rgb(220, 30, 30));
        byte[] bytes = Files.readAllBytes(file);
        String header = "YUV4MPEG2 W320 H240 F15:1 Ip A1:1 C420jpeg\n";
        assertThat(new String(bytes, 0, header.length())).isEqualTo(header);
        int frame = "FRAME\n".length() + 320 * 240 * 3 / 2;
        assertThat(bytes).hasSize(header.length() + MediaFiles.FRAMES * frame);
    }

    @Test
    void theBackgroundCarriesTheColour(@TempDir Path dir) throws IOException {
        int[] yuv = MediaFiles.toYuv(new Rgb(220, 30, 30));
        byte[] bytes = Files.readAllBytes(MediaFiles.writeY4m(dir.resolve("red.y4m"), new Rgb(220, 30, 30)));
        int firstFrameY = "YUV4MPEG2 W320 H240 F15:1 Ip A1:1 C420jpeg\n".length() + "FRAME\n".length();
        assertThat(bytes[firstFrameY] & 0xff).isEqualTo(yuv[0]);
    }

    @Test
    void writesAWavOfOneSecond(@TempDir Path dir) throws IOException {
        byte[] wav = Files.readAllBytes(MediaFiles.writeWav(dir.resolve("a.wav"), 440));
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(wav).hasSize(44 + MediaFiles.SAMPLE_RATE * 2);
    }

    @Test
    void rolesGetDifferentColoursAndTonesByDefault(@TempDir Path dir) {
        MediaCatalog catalog = new MediaCatalog(new Settings(k -> null, Map.of()), dir);
        assertThat(catalog.of(Role.PROVIDER).colour().distance(catalog.of(Role.CLIENT).colour())).isGreaterThan(100);
        assertThat(catalog.of(Role.PROVIDER).toneHz()).isNotEqualTo(catalog.of(Role.CLIENT).toneHz());
    }

    @Test
    void aMissingMediaFileNamesTheFix(@TempDir Path dir) {
        Settings settings = new Settings(Map.of("livecheck.media.client.video", "/nonexistent/client.y4m")::get, Map.of());
        assertThatThrownBy(() -> new MediaCatalog(settings, dir))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("fake video file /nonexistent/client.y4m is missing or unreadable");
    }

    @Test
    void aBadColourNamesTheFormat() {
        assertThatThrownBy(() -> Rgb.parse("red")).isInstanceOf(LivecheckException.class).hasMessageContaining("#rrggbb");
    }

    @Test
    void rolesThatLookAlikeAreRefused(@TempDir Path dir) {
        Settings settings = new Settings(Map.of("livecheck.media.client.colour", "#dc1e1e")::get, Map.of());
        assertThatThrownBy(() -> new MediaCatalog(settings, dir))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("nearly the same colour");
    }
}
