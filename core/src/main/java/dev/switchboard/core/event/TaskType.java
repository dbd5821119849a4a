package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a prompt asks for, as the classifier sees it. */
public enum TaskType implements WireEnum {
    @JsonProperty("summarisation") SUMMARISATION,
    @JsonProperty("translation") TRANSLATION,
    @JsonProperty("extraction") EXTRACTION,
    @JsonProperty("classification") CLASSIFICATION,
    @JsonProperty("code") CODE,
    @JsonProperty("maths") MATHS,
    @JsonProperty("reasoning") REASONING,
    @JsonProperty("creative") CREATIVE,
    @JsonProperty("chat") CHAT
}
