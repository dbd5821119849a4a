package dev.switchboard.executor.provider.replay;

/**
 * A tiny benchmark in the routing data set's format, its models file and that file converted to a catalog, as
 * plain strings: Quarkus test profiles read them before the application's class loader exists.
 */
final class ReplayTestData {

    static final String LLAMA = "Llama-3.1-405B-Inst@sambanova";
    static final String MIXTRAL = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    static final String GSM_PROMPT = "\n## Question: \n\nJanet's ducks lay 16 eggs per day. How much does she make "
            + "every day at the farmers' market?\n";

    /** One GSM8K prompt answered by two models, one two-turn MT-Bench conversation answered by one. */
    static final String BENCHMARK = """
            {"id":"zeroeval/gsm8k/t-#0","source":"zeroeval","task":"gsm8k","prompt":"\\n## Question: \\n\\nJanet's \
            ducks lay 16 eggs per day. How much does she make every day at the farmers' market?\\n","outcomes":{\
            "%s":{"score":1.0,"response":"{\\"answer\\": \\"18\\"}","input_tokens":141,"output_tokens":102,\
            "cost_usd":9.555e-05},\
            "%s":{"score":0.0,"response":"17","input_tokens":141,"output_tokens":3,"cost_usd":0.0005479999999999999}}}
            {"id":"routellm/mt_bench/82","source":"routellm","task":"mt_bench","prompt":"Draft an email.",\
            "turns":["Draft an email.","Now critique it."],"outcomes":{"%s":{"score":0.95,\
            "response":"Dear boss\\n[MT-Bench turn 2 answer]\\nIt is fine.","input_tokens":50,"output_tokens":40,\
            "cost_usd":0.0017}}}
            """.formatted(LLAMA, MIXTRAL, MIXTRAL);

    /** The benchmark's models file. */
    static final String MODELS = """
            [{"id":"%s","provider":"meta-via-together","input_usd_per_mtok":3.5,"output_usd_per_mtok":3.5},
             {"id":"%s","provider":"mistral-via-together","input_usd_per_mtok":0.6,"output_usd_per_mtok":0.6}]
            """.formatted(LLAMA, MIXTRAL);

    /** {@link #MODELS} as {@code RecordedCatalog} converts it (checked by {@code ReplayChatProviderTest}). */
    static final String CATALOG = """
            {"schemaVersion":1,"models":[
             {"id":"%s","provider":"meta-via-together","tokenizer":"o200k_base","input_usd_per_mtok":3.5,
              "cached_input_usd_per_mtok":3.5,"output_usd_per_mtok":3.5,"batch_discount":null,"context_window":128000,
              "max_output_tokens":16384,"capabilities":["json"],"typical_latency_ms":500,"output_tokens_per_second":100,
              "quality":0.95,"price_source":"benchmark models file"},
             {"id":"%s","provider":"mistral-via-together","tokenizer":"o200k_base","input_usd_per_mtok":0.6,
              "cached_input_usd_per_mtok":0.6,"output_usd_per_mtok":0.6,"batch_discount":null,"context_window":128000,
              "max_output_tokens":16384,"capabilities":["json"],"typical_latency_ms":500,"output_tokens_per_second":100,
              "quality":0.5,"price_source":"benchmark models file"}]}
            """.formatted(LLAMA, MIXTRAL);

    private ReplayTestData() {
    }
}
