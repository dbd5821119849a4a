package dev.switchboard.bench.demo;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.Strategy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadTest {

    private final List<LlmRequest> workload = Workload.builtIn();

    @Test
    void builtInWorkloadHasAtLeast200ValidRequestsWithVariedTexts() {
        assertThat(workload).hasSizeGreaterThanOrEqualTo(200);
        Set<String> texts = workload.stream().map(r -> r.body().lastUserText()).collect(Collectors.toSet());
        // a handful of repeats are deliberate (the same FAQ from different users exercises the cache)
        assertThat(texts).hasSizeGreaterThanOrEqualTo(workload.size() - 5);
    }

    @Test
    void builtInWorkloadCoversEveryTaskAndSeveralTenants() {
        assertThat(workload.stream().map(r -> r.tags().get("category")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("sum", "tr", "ext", "cls", "code", "math", "rsn", "cre", "chat");
        assertThat(workload.stream().map(LlmRequest::tenant).distinct()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(workload.stream().map(LlmRequest::project).distinct()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(workload.stream().map(LlmRequest::user).distinct()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(workload.stream().map(LlmRequest::feature).distinct()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(workload).filteredOn(r -> r.body().wantsJson()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(workload).filteredOn(r -> r.body().messages().size() > 1).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void builtInWorkloadCarriesHints() {
        List<String> pinned = workload.stream().map(r -> r.hintsOrDefaults().model()).filter(Objects::nonNull).toList();
        assertThat(pinned).hasSizeGreaterThanOrEqualTo(3);
        // every pinned model is in the catalog but one, which shows a rejection in the report
        assertThat(pinned).filteredOn(m -> ModelCatalog.builtIn().find(m).isEmpty()).hasSize(1);
        assertThat(workload).filteredOn(r -> r.hintsOrDefaults().strategy() == Strategy.QUALITY).isNotEmpty();
        assertThat(workload).filteredOn(r -> r.hintsOrDefaults().strategy() == Strategy.COST).isNotEmpty();
        assertThat(workload).filteredOn(r -> r.hintsOrDefaults().maxCostUsd() != null).isNotEmpty();
    }

    @Test
    void rejectsAnInvalidLineNamingItsLineAndField() {
        String lines = """
                {"schema_version":1,"id":"a","tenant":"t","body":{"messages":[{"role":"user","content":"hi"}]}}

                {"schema_version":1,"id":"b","tenant":"t","body":{"messages":[]}}
                """;
        assertThatThrownBy(() -> Workload.read(stream(lines), "test.jsonl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.jsonl line 3").hasMessageContaining("body.messages");
    }

    @Test
    void rejectsARepeatedId() {
        String line = "{\"schema_version\":1,\"id\":\"a\",\"tenant\":\"t\",\"body\":{\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"hi\"}]}}\n";
        assertThatThrownBy(() -> Workload.read(stream(line + line), "test.jsonl"))
                .hasMessageContaining("line 2").hasMessageContaining("'a' appears twice");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
