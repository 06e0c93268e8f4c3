package org.rlmworkbench.runner.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlmworkbench.runner.model.PromptStyle;

/** The endpoints file in the issue's shape: read, checked field by field, written back, never holding a key. */
class EndpointsFileTest {
    private static final String ISSUE_EXAMPLE = "{\"endpoints\": [{\"name\": \"local\", \"base_url\": \"http://127.0.0.1:8000/v1\","
            + " \"model\": \"game24-lm\", \"api\": \"completions\", \"api_key_env\": \"LOCAL_KEY\", \"price_in\": 0.0,"
            + " \"price_out\": 0.0, \"max_concurrency\": 8, \"timeout_seconds\": 60}]}";

    @TempDir
    Path dir;

    @Test
    void readsTheIssuesExampleAndWritesItBackTheSame() throws Exception {
        Path f = dir.resolve("endpoints.json");
        Files.writeString(f, ISSUE_EXAMPLE);
        EndpointsFile file = EndpointsFile.load(f);
        Endpoint e = file.find("local").orElseThrow();
        assertThat(e).isEqualTo(new Endpoint("local", "http://127.0.0.1:8000/v1", "game24-lm", EndpointApi.COMPLETIONS,
                "LOCAL_KEY", 0, 0, 8, 60, PromptStyle.FEW_SHOT, null));
        file.save();
        assertThat(EndpointsFile.load(f)).isEqualTo(file);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(f)))
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ISSUE_EXAMPLE));
    }

    @Test
    void fieldsThisVersionDoesNotKnowSurviveEveryRewrite() throws Exception {
        Path f = dir.resolve("endpoints.json");
        String text = "{\"version\": 3, \"team\": {\"owner\": \"ana\"}, \"endpoints\": ["
                + "{\"name\": \"a\", \"base_url\": \"http://127.0.0.1:1/v1\", \"model\": \"m\", \"top_p\": 0.9,"
                + " \"comment\": \"the GPU box\", \"headers\": {\"X-Org\": \"lab\"}, \"tags\": [1, \"two\"]},"
                + "{\"name\": \"b\", \"base_url\": \"http://127.0.0.1:2/v1\", \"model\": \"m\", \"comment\": \"spare\"}]}";
        Files.writeString(f, text);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        EndpointsFile file = EndpointsFile.load(f);
        file.save();
        // loaded and saved unchanged: the same document, known and unknown fields alike
        assertThat(json.readTree(Files.readString(f))).isEqualTo(json.readTree(
                text.replace("\"top_p\": 0.9,", "\"top_p\": 0.9, \"api\": \"completions\", \"price_in\": 0.0,"
                        + " \"price_out\": 0.0, \"max_concurrency\": 8, \"timeout_seconds\": 60,")
                        .replace("\"model\": \"m\", \"comment\": \"spare\"", "\"model\": \"m\", \"api\": \"completions\","
                                + " \"price_in\": 0.0, \"price_out\": 0.0, \"max_concurrency\": 8, \"timeout_seconds\": 60,"
                                + " \"comment\": \"spare\"")));
        // edited, renamed in place, another removed, one added: each keeps what is its own
        EndpointsFile.load(f).replacing("a", EndpointsFile.load(f).find("a").orElseThrow().withModel("m2"))
                .save();
        EndpointsFile.load(f).replacing("a", Endpoint.of("a2", "http://127.0.0.1:1/v1", "m3", EndpointApi.CHAT))
                .without("b").with(Endpoint.of("c", "http://127.0.0.1:3/v1", "m", EndpointApi.CHAT)).save();
        var root = json.readTree(Files.readString(f));
        assertThat(root.path("version").asInt()).isEqualTo(3);
        assertThat(root.path("team").path("owner").asText()).isEqualTo("ana");
        assertThat(root.path("endpoints")).hasSize(2);
        var a2 = root.path("endpoints").get(0);
        assertThat(a2.path("name").asText()).isEqualTo("a2");
        assertThat(a2.path("model").asText()).isEqualTo("m3");
        assertThat(a2.path("comment").asText()).isEqualTo("the GPU box");
        assertThat(a2.path("headers").path("X-Org").asText()).isEqualTo("lab");
        assertThat(a2.path("tags").toString()).isEqualTo("[1,\"two\"]");
        var c = root.path("endpoints").get(1);
        assertThat(c.path("name").asText()).isEqualTo("c");
        assertThat(c.has("comment")).isFalse();
        assertThat(Files.readString(f)).doesNotContain("spare");
    }

    @Test
    void addsReplacesAndRemoves() throws Exception {
        Path f = dir.resolve("sub/endpoints.json");
        EndpointsFile file = EndpointsFile.loadOrEmpty(f);
        assertThat(file.endpoints()).isEmpty();
        file = file.with(Endpoint.of("a", "http://127.0.0.1:1/v1", "m", EndpointApi.CHAT))
                .with(Endpoint.of("b", "http://127.0.0.1:2/v1", "m", EndpointApi.COMPLETIONS).withPromptStyle(PromptStyle.STATE))
                .with(Endpoint.of("a", "http://127.0.0.1:3/v1", "m2", EndpointApi.CHAT));
        file.save();
        EndpointsFile back = EndpointsFile.load(f);
        assertThat(back.endpoints()).extracting(Endpoint::name).containsExactly("a", "b");
        assertThat(back.find("a").orElseThrow().model()).isEqualTo("m2");
        assertThat(back.find("b").orElseThrow().promptStyle()).isEqualTo(PromptStyle.STATE);
        assertThat(back.without("a").endpoints()).extracting(Endpoint::name).containsExactly("b");
    }

    @Test
    void eachMistakeNamesTheFileAndTheField() throws Exception {
        expect("{\"endpoints\": [{\"name\": \"x\", \"base_url\": \"ftp://h/v1\", \"model\": \"m\"}]}",
                "endpoints[0] ('x').base_url: expected http:// or https://");
        expect("{\"endpoints\": [{\"name\": \"x\", \"base_url\": \"http://h/v1\"}]}", "endpoints[0] ('x').model: missing");
        expect("{\"endpoints\": [{\"name\": \"x\", \"base_url\": \"http://h/v1\", \"model\": \"m\", \"api\": \"responses\"}]}",
                ".api: expected 'completions' or 'chat', got 'responses'");
        expect("{\"endpoints\": [{\"name\": \"x\", \"base_url\": \"http://h/v1\", \"model\": \"m\", \"max_concurrency\": 0}]}",
                ".max_concurrency: must be between 1 and 1024, got 0");
        expect("{\"endpoints\": [{\"name\": \"x\", \"base_url\": \"http://h/v1\", \"model\": \"m\", \"timeout_seconds\": \"60\"}]}",
                ".timeout_seconds: expected a number");
        expect("{\"endpoints\": [{\"name\": \"x\", \"base_url\": \"http://h/v1\", \"model\": \"m\", \"api_key_env\": \"sk-abc123\"}]}",
                ".api_key_env: expected the NAME of an environment variable");
        expect("{\"endpoints\": [{\"name\": \"x\", \"base_url\": \"http://h/v1\", \"model\": \"m\"},"
                + " {\"name\": \"x\", \"base_url\": \"http://h/v1\", \"model\": \"m\"}]}", "endpoints[1].name: 'x' is used twice");
        expect("{\"endpoints\": {}}", "expected {\"endpoints\": [...]}");
        expect("{\"endpoints\": [", "not JSON");
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> EndpointsFile.load(missing)).hasMessageContaining(missing.toString())
                .hasMessageContaining("no such endpoints file");
    }

    private void expect(String json, String message) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        assertThatThrownBy(() -> EndpointsFile.load(f)).isInstanceOf(EndpointsFileException.class)
                .hasMessageStartingWith(f.toString()).hasMessageContaining(message);
    }

    @Test
    void probesAreStoredBesideTheFileAndFeedTheClient() throws Exception {
        Path f = dir.resolve("endpoints.json");
        ProbeStore store = ProbeStore.beside(f);
        assertThat(store.file()).isEqualTo(dir.resolve("endpoints.probe.json"));
        assertThat(store.support("local")).isEqualTo(ServerSupport.UNKNOWN);
        store.save(new ProbeReport("local", "2026-12-04T16:00:00Z", List.of("game24-lm"), NSupport.IGNORED, false, null,
                12.5, null));
        store.save(new ProbeReport("other", "2026-12-04T16:00:00Z", null, NSupport.REFUSED, true, true, 3, "boom"));
        assertThat(store.support("local")).isEqualTo(new ServerSupport(NSupport.IGNORED, false, null));
        assertThat(store.load().get("other").error()).isEqualTo("boom");
        assertThat(store.load().get("other").models()).isNull();
        Files.writeString(f, ISSUE_EXAMPLE);
        assertThat(EndpointModels.open(EndpointsFile.load(f), "local", k -> null).support())
                .isEqualTo(new ServerSupport(NSupport.IGNORED, false, null));
        assertThatThrownBy(() -> EndpointModels.open(EndpointsFile.load(f), "remote", k -> null))
                .hasMessageContaining("no endpoint named 'remote'; it has: [local]");
    }
}
