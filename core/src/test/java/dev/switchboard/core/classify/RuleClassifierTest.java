package dev.switchboard.core.classify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.Complexity;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.tokens.TokenCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RuleClassifierTest {

    private static final String ARTICLE = """
            The city council met on Tuesday to discuss the new bike lanes on Main Street. Residents argued \
            about parking, and shop owners worried about deliveries. Why the plan was delayed again remains \
            unclear; the mayor promised a decision by the end of the month.""";

    private final RuleClassifier classifier = new RuleClassifier();

    static Stream<Arguments> prompts() {
        return Stream.of(
                arguments("Summarize the following article in three bullet points:\n" + ARTICLE, TaskType.SUMMARISATION),
                arguments("Can you summarise this meeting transcript for me? " + ARTICLE, TaskType.SUMMARISATION),
                arguments(ARTICLE + "\n\nTL;DR?", TaskType.SUMMARISATION),
                arguments("Summarize this code:\n```python\ndef add(a, b):\n    return a + b\n```", TaskType.SUMMARISATION),
                arguments("Translate into French: 'Where is the train station?'", TaskType.TRANSLATION),
                arguments("Please translate the following email to German. Why did you not answer?", TaskType.TRANSLATION),
                arguments("How do you say 'good morning' in Japanese?", TaskType.TRANSLATION),
                arguments("Extract the names and dates from this text as JSON: Alice met Bob on 3 May 2024.", TaskType.EXTRACTION),
                arguments("Pull out all the email addresses in this thread: a@x.com wrote to b@y.org", TaskType.EXTRACTION),
                arguments("List all the companies mentioned: Apple and Microsoft reported earnings.", TaskType.EXTRACTION),
                arguments("Classify this support ticket as billing, technical or other: 'I was charged twice'", TaskType.CLASSIFICATION),
                arguments("What is the sentiment of this review? 'The food was cold and the waiter rude.'", TaskType.CLASSIFICATION),
                arguments("Categorize these products into electronics, clothing and food: TV, socks, apples", TaskType.CLASSIFICATION),
                arguments("Write a Python function that checks whether a string is a palindrome.", TaskType.CODE),
                arguments("Write a function that extracts all email addresses from a string.", TaskType.CODE),
                arguments("Write a SQL query that returns the ten customers with the highest total orders.", TaskType.CODE),
                arguments("My program fails with this stack trace:\njava.lang.NullPointerException at Foo.bar(Foo.java:12)", TaskType.CODE),
                arguments("```js\nconst x = [1,2,3].map(n => n * 2)\n```\nwhat does this print?", TaskType.CODE),
                arguments("What is 1234 * 5678?", TaskType.MATHS),
                arguments("Solve for x: 3x + 7 = 22", TaskType.MATHS),
                arguments("Calculate the compound interest on $1000 at 5% for 3 years.", TaskType.MATHS),
                arguments("How many r's are in the word strawberry?", TaskType.MATHS),
                arguments("Why is the sky blue?", TaskType.REASONING),
                arguments("Explain step by step how a bill becomes a law.", TaskType.REASONING),
                arguments("Prove that the square root of 2 is irrational.", TaskType.REASONING),
                arguments("Here is a logic puzzle: three boxes are all labelled wrongly. Which box do you open?", TaskType.REASONING),
                arguments("Write a poem about the sea at night.", TaskType.CREATIVE),
                arguments("Write me a short story about a robot who learns to paint.", TaskType.CREATIVE),
                arguments("Compose a haiku about autumn leaves.", TaskType.CREATIVE),
                arguments("Hi! How are you today?", TaskType.CHAT),
                arguments("What's a good name for a golden retriever puppy?", TaskType.CHAT),
                arguments("Thanks, that helped a lot.", TaskType.CHAT));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("prompts")
    void namesTheTaskTypeOfRealPrompts(String prompt, TaskType expected) {
        assertThat(classifier.classify(request(prompt)).taskType()).isEqualTo(expected);
    }

    @Test
    void readsTheUserAskBeforeAGenericSystemPrompt() {
        LlmRequest request = request(List.of(
                ChatMessage.of("system", "You are a careful assistant. Think step by step."),
                ChatMessage.of("user", "Translate 'thank you' into Spanish.")), null, null, null);

        assertThat(classifier.classify(request).taskType()).isEqualTo(TaskType.TRANSLATION);
    }

    @Test
    void takesTheTaskFromTheSystemPromptWhenTheUserTextHasNoCue() {
        LlmRequest request = request(List.of(
                ChatMessage.of("system", "You translate everything the user writes into Italian."),
                ChatMessage.of("user", "Good evening, a table for two please.")), null, null, null);

        assertThat(classifier.classify(request).taskType()).isEqualTo(TaskType.TRANSLATION);
    }

    static Stream<Arguments> complexities() {
        return Stream.of(
                arguments("Translate into French: 'Where is the train station?'", Complexity.LOW),
                arguments("Hi! How are you today?", Complexity.LOW),
                arguments("Classify this review as positive or negative: 'Great!'", Complexity.LOW),
                arguments("Write a Python function that reverses a list.", Complexity.MEDIUM),
                arguments("Why is the sky blue?", Complexity.MEDIUM),
                arguments("Prove that there are infinitely many primes.", Complexity.HIGH),
                arguments("Write a thread-safe LRU cache in Java and handle the edge cases.", Complexity.HIGH),
                arguments("""
                        Plan my data migration:
                        1. export the orders table
                        2. transform the dates to UTC
                        3. load them into the warehouse
                        Write the Python code for each step.""", Complexity.HIGH),
                arguments("Summarize this report:\n" + ARTICLE.repeat(40), Complexity.MEDIUM),
                arguments("Summarize this book:\n" + ARTICLE.repeat(200), Complexity.HIGH));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("complexities")
    void gradesComplexityFromTaskLengthAndCues(String prompt, Complexity expected) {
        assertThat(classifier.classify(request(prompt)).complexity()).isEqualTo(expected);
    }

    @Test
    void countsInputTokensOfTheWholeChatWithTheTokenCounter() {
        List<ChatMessage> messages = List.of(
                ChatMessage.of("system", "You are terse."),
                ChatMessage.of("user", "Name three primary colours."));
        int expected = new TokenCounter().countChat(List.of(
                Map.entry("system", "You are terse."), Map.entry("user", "Name three primary colours.")), "o200k_base");

        Classification c = classifier.classify(request(messages, null, null, null));

        assertThat(c.inputTokens()).isEqualTo(expected).isGreaterThan(10);
    }

    @Test
    void addsToolDefinitionsAndImagesToTheInputTokens() {
        List<ChatMessage> text = List.of(ChatMessage.of("user", "What is in this picture?"));
        List<ChatMessage> withImage = List.of(new ChatMessage("user", Json.tree("""
                [{"type":"text","text":"What is in this picture?"},
                 {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]"""), null, null, null));
        List<JsonNode> tools = List.of(Json.tree("""
                {"type":"function","function":{"name":"get_weather","parameters":{"type":"object",
                 "properties":{"city":{"type":"string"}}}}}"""));

        int plain = classifier.classify(request(text, null, null, null)).inputTokens();

        assertThat(classifier.classify(request(withImage, null, null, null)).inputTokens())
                .isEqualTo(plain + RuleClassifier.TOKENS_PER_IMAGE);
        assertThat(classifier.classify(request(text, null, null, tools)).inputTokens()).isGreaterThan(plain + 10);
    }

    static Stream<Arguments> outputEstimates() {
        return Stream.of(
                arguments("Classify this review as positive or negative: 'Great!'", null, 20),
                arguments("Write a Python function that reverses a list.", null, 500),
                arguments("Prove that there are infinitely many primes.", null, 1000),
                arguments("Write a Python function that reverses a list.", 64, 64),
                arguments("Hi! How are you today?", null, 200));
    }

    @ParameterizedTest(name = "{0} max_tokens={1} -> {2}")
    @MethodSource("outputEstimates")
    void estimatesOutputTokensByTaskCappedByMaxTokens(String prompt, Integer maxTokens, int expected) {
        LlmRequest request = request(List.of(ChatMessage.of("user", prompt)), maxTokens, null, null);

        assertThat(classifier.classify(request).estimatedOutputTokens()).isEqualTo(expected);
    }

    @Test
    void requiresToolsVisionAndJsonFromTheBody() {
        List<ChatMessage> withImage = List.of(new ChatMessage("user", Json.tree("""
                [{"type":"text","text":"Describe the chart as JSON"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]"""), null, null, null));
        List<JsonNode> tools = List.of(Json.tree("{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}}"));

        Classification all = classifier.classify(request(withImage, null, Json.tree("{\"type\":\"json_object\"}"), tools));
        Classification none = classifier.classify(request("Hello"));

        assertThat(all.requiredCapabilities()).containsExactly("tools", "vision", "json");
        assertThat(none.requiredCapabilities()).isEmpty();
    }

    static Stream<Arguments> domains() {
        return Stream.of(
                arguments("Write a Python function that reverses a list.", "software"),
                arguments("Our Kafka consumer keeps rebalancing after we deploy to Kubernetes. Ideas?", "software"),
                arguments("Summarise the quarterly revenue, profit and cash flow from this balance sheet.", "finance"),
                arguments("Explain how photosynthesis turns light energy into chemical energy in plant cells.", "science"),
                arguments("What are common symptoms of high blood pressure and which medication is typical?", "medical"),
                arguments("Does this contract clause limit our liability under GDPR?", "legal"),
                arguments("Write a poem about the sea at night.", "general"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("domains")
    void labelsTheDomainFromKeywords(String prompt, String expected) {
        assertThat(classifier.classify(request(prompt)).domain()).isEqualTo(expected);
    }

    @Test
    void stampsItsVersionAndLeavesPredictedQualityEmpty() {
        Classification c = classifier.classify(request("Hello"));

        assertThat(c.classifierVersion()).isEqualTo("rules-1");
        assertThat(c.predictedQuality()).isEmpty();
    }

    @Test
    void countsWithTheChosenTokenizer() {
        String prompt = "Zusammenfassung: Die Straßenbahn fährt heute nicht über den Hauptbahnhof hinaus.";

        int o200k = new RuleClassifier(new TokenCounter(), "o200k_base").classify(request(prompt)).inputTokens();
        int cl100k = new RuleClassifier(new TokenCounter(), "cl100k_base").classify(request(prompt)).inputTokens();

        assertThat(cl100k).isNotEqualTo(o200k);
        assertThatThrownBy(() -> new RuleClassifier(new TokenCounter(), "llama3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("llama3");
    }

    private static LlmRequest request(String userText) {
        return request(List.of(ChatMessage.of("user", userText)), null, null, null);
    }

    private static LlmRequest request(List<ChatMessage> messages, Integer maxTokens, JsonNode responseFormat,
                                      List<JsonNode> tools) {
        return new LlmRequest(LlmRequest.SCHEMA_VERSION, "req-1", 1, "acme", null, null, null, null,
                new ChatRequest(messages, maxTokens, null, responseFormat, tools), null, null);
    }
}
