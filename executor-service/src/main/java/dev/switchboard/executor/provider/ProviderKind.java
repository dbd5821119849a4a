package dev.switchboard.executor.provider;

/** The wire formats a configured provider can speak, each with its own adapter. */
public enum ProviderKind {
    /** OpenAI chat completions: OpenAI, Azure OpenAI, vLLM, Ollama, Groq, OpenRouter, Together, DeepSeek, ... */
    OPENAI,
    /** Anthropic Messages API. */
    ANTHROPIC,
    /** Google Gemini {@code generateContent}. */
    GEMINI,
    /** Deterministic local answers, no network. */
    SIMULATED
}
