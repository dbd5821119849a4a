package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** An OpenAI-style chat-completions response, whatever provider produced it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatResponse(String id, String object, long created, String model, List<Choice> choices, Usage usage) {

    /** One choice of the response. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(int index, ChatMessage message, String finishReason) {
    }

    /** OpenAI usage block; {@code promptTokensDetails.cachedTokens} is the cached part of the prompt. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(long promptTokens, long completionTokens, long totalTokens, PromptTokensDetails promptTokensDetails) {
    }

    /** Breakdown of prompt tokens. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
    public record PromptTokensDetails(long cachedTokens) {
    }

    /** The text of the first choice, or empty. */
    public String firstText() {
        if (choices == null || choices.isEmpty() || choices.get(0).message() == null) {
            return "";
        }
        return choices.get(0).message().text();
    }
}
