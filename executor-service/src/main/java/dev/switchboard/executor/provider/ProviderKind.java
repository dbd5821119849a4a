package dev.switchboard.executor.provider;

/** The adapters a configured provider can use; Anthropic and Gemini adapters join here. */
public enum ProviderKind {
    /** OpenAI-compatible chat completions: OpenAI, Together, Groq, vLLM, ... */
    OPENAI,
    /** Deterministic local answers, no network. */
    SIMULATED
}
