package dev.scoreline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int score(String... arguments) {
        return new ScoreCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(arguments);
    }

    private List<JsonNode> printed() {
        return out.toString(StandardCharsets.UTF_8).lines().map(Json::tree).toList();
    }

    @Test
    void aFolderOfMixedFormatsPrintsEveryMatch() throws IOException {
        copy("cricsheet-formats", "1086066");
        copy("cricsheet-formats", "1252720");
        copy("cricsheet", "1082591");

        int status = score(dir.toString());

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(printed()).extracting(v -> v.get("matchId").asText()).containsExactly("1082591", "1086066", "1252720");
        assertThat(printed().get(1).at("/result/result").asText()).isEqualTo("draw");
        assertThat(printed().get(2).at("/result/method").asText()).isEqualTo("D/L");
    }

    @Test
    void oneBadMatchNeverHidesTheOthersAndTheStatusSaysSo() throws IOException {
        copy("cricsheet", "1082591");
        Files.writeString(dir.resolve("broken.json"), "{\"meta\": ");
        ObjectNode record = (ObjectNode) Json.tree(read("cricsheet", "1082625"));
        ((ObjectNode) record.at("/innings/0/overs/3/deliveries/2")).put("bowler", "Somebody Else");
        Files.writeString(dir.resolve("1082625.json"), Json.string(record));

        int status = score(dir.toString());

        assertThat(status).isEqualTo(1);
        assertThat(printed()).extracting(v -> v.get("matchId").asText())
                .as("the match with a refused ball is printed too, without it")
                .containsExactly("1082591", "1082625");
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("broken.json: ").contains("not JSON");
        assertThat(errors).contains("1082625.json: ").contains("Somebody Else is not a player of");
    }

    @Test
    void aMissingFileIsReported() {
        assertThat(score(dir.resolve("nothing.json").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing.json: no such file");
    }

    private void copy(String folder, String id) throws IOException {
        Files.write(dir.resolve(id + ".json"), read(folder, id));
    }

    private static byte[] read(String folder, String id) throws IOException {
        try (InputStream in = ScoreCommandTest.class.getResourceAsStream("/data/" + folder + "/" + id + ".json")) {
            return in.readAllBytes();
        }
    }
}
