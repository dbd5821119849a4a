package dev.switchboard.executor.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;

import java.util.Locale;

/** Helpers the non-OpenAI wire formats share to read OpenAI-style content parts and tool calls. */
public final class ContentParts {

    private ContentParts() {
    }

    /** An image part's URL: {@code image_url} as a string or as {@code {"url":..}}. */
    public static String imageUrl(JsonNode part) {
        JsonNode image = part.path("image_url");
        String url = image.isTextual() ? image.asText() : image.path("url").asText("");
        if (url.isBlank()) {
            throw new IllegalArgumentException("an image_url part without a url");
        }
        return url;
    }

    /** A {@code data:<media type>;base64,<data>} URL split in two, or {@code null} for any other URL. */
    public static DataUrl dataUrl(String url) {
        if (!url.startsWith("data:")) {
            return null;
        }
        int comma = url.indexOf(',');
        String meta = comma < 0 ? "" : url.substring(5, comma);
        if (comma < 0 || !meta.endsWith(";base64")) {
            throw new IllegalArgumentException("an image data URL must be base64 (data:<type>;base64,<data>)");
        }
        return new DataUrl(meta.substring(0, meta.length() - ";base64".length()), url.substring(comma + 1));
    }

    /** The media type a URL's file extension suggests, for formats that need one with a file reference. */
    public static String mediaTypeOf(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".gif")) {
            return "image/gif";
        }
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        if (path.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "image/jpeg";
    }

    /** A tool call's {@code function.arguments} (a JSON string in OpenAI's format) as an object. */
    public static JsonNode arguments(JsonNode toolCall) {
        JsonNode arguments = toolCall.path("function").path("arguments");
        if (arguments.isObject()) {
            return arguments;
        }
        String text = arguments.asText("");
        if (text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode parsed = Json.tree(text);
        if (!parsed.isObject()) {
            throw new IllegalArgumentException("tool call arguments must be a JSON object");
        }
        return parsed;
    }

    /** The base64 payload of a data URL and its media type. */
    public record DataUrl(String mediaType, String data) {
    }
}
