package org.rlmworkbench.app.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.endpoint.EndpointsFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Endpoints dialog as a user sees it: the list, the form, the key shown only by its variable. */
@ExtendWith(ApplicationExtension.class)
class EndpointsDialogTest {
    private static final String KEY = "sk-proj-a9b8c7d6e5";

    @TempDir
    static Path dir;
    private EndpointsDialog dialog;

    @Start
    void start(Stage owner) throws Exception {
        Path f = dir.resolve("endpoints.json");
        Files.writeString(f, "{\"endpoints\": [{\"name\": \"local\", \"base_url\": \"http://127.0.0.1:8000/v1\","
                + " \"model\": \"game24-lm\", \"api\": \"completions\", \"prompt_style\": \"state\"},"
                + " {\"name\": \"openai\", \"base_url\": \"https://api.openai.com/v1\", \"model\": \"gpt-4o-mini\","
                + " \"api\": \"chat\", \"api_key_env\": \"OPENAI_API_KEY\", \"price_in\": 0.15, \"price_out\": 0.6}]}");
        owner.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        owner.show();
        dialog = new EndpointsDialog(owner, new EndpointsModel(f, v -> v.equals("OPENAI_API_KEY") ? KEY : null));
        dialog.show();
    }

    @Test
    void showsTheKeyVariableAndWhetherItIsSetButNeverTheKey(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#endpoint-list").queryListView().getSelectionModel().select("openai"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#endpoint-key-env").queryAs(TextInputControl.class).getText()).isEqualTo("OPENAI_API_KEY");
        assertThat(robot.lookup("#endpoint-key-status").queryAs(Label.class).getText()).isEqualTo("$OPENAI_API_KEY is set");
        assertThat(robot.lookup("#endpoint-model").queryAs(TextInputControl.class).getText()).isEqualTo("gpt-4o-mini");
        for (Node n : robot.lookup(x -> x instanceof Label || x instanceof TextInputControl).queryAll()) {
            String t = n instanceof Label l ? l.getText() : ((TextInputControl) n).getText();
            assertThat(t == null ? "" : t).doesNotContain(KEY);
        }
        // edit through the form as a user would, and see it saved
        robot.interact(() -> {
            robot.lookup("#endpoint-concurrency").queryAs(TextInputControl.class).setText("3");
            robot.lookup("#endpoint-apply").queryButton().fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(EndpointsFile.load(dir.resolve("endpoints.json")).find("openai").orElseThrow().maxConcurrency())
                .isEqualTo(3);
        assertThat(robot.lookup("#endpoint-message").queryAs(Label.class).getText()).startsWith("Saved 'openai'");
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> dialog.stage().getScene().snapshot(null)).get();
        Path png = Path.of("target", "endpoints-dialog.png");
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage((int) img.getWidth(), (int) img.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", png.toFile());
        assertThat(img.getWidth()).isGreaterThan(600);
    }
}
