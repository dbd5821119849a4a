package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One OpenAI-style chat message; {@code content} is a string or an array of parts ({@code {"type":"text","text":..}}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMessage(String role, JsonNode content, String name, String toolCallId, JsonNode toolCalls) {

    public static ChatMessage of(String role, String text) {
        return new ChatMessage(role, TextNode.valueOf(text), null, null, null);
    }

    /** The text of the message: the string content, or its text parts joined by newlines. */
    @JsonIgnore
    public String text() {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            List<String> texts = new ArrayList<>();
            for (JsonNode part : content) {
                if (part.hasNonNull("text")) {
                    texts.add(part.get("text").asText());
                }
            }
            return String.join("\n", texts);
        }
        return content.toString();
    }

    /** True when a content part carries an image (needs a vision-capable model). */
    @JsonIgnore
    public boolean hasImage() {
        if (content == null || !content.isArray()) {
            return false;
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText("");
            if (type.equals("image_url") || type.equals("image") || type.equals("input_image")) {
                return true;
            }
        }
        return false;
    }
}
