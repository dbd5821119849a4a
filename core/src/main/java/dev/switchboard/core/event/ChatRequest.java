package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * The OpenAI-style chat-completions body of a request. {@code model} is ignored: the router picks it
 * (pin one with {@link RoutingHints#model()}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatRequest(
        List<ChatMessage> messages,
        Integer maxTokens,
        Double temperature,
        JsonNode responseFormat,
        List<JsonNode> tools) {

    /** True when the caller asked for JSON output ({@code response_format} json_object or json_schema). */
    @JsonIgnore
    public boolean wantsJson() {
        if (responseFormat == null) {
            return false;
        }
        String type = responseFormat.path("type").asText("");
        return type.equals("json_object") || type.equals("json_schema");
    }

    @JsonIgnore
    public boolean usesTools() {
        return tools != null && !tools.isEmpty();
    }

    @JsonIgnore
    public boolean hasImages() {
        return messages != null && messages.stream().anyMatch(ChatMessage::hasImage);
    }

    /** All message texts, for token counting and classification. */
    @JsonIgnore
    public String lastUserText() {
        if (messages == null) {
            return "";
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).text();
            }
        }
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).text();
    }
}
