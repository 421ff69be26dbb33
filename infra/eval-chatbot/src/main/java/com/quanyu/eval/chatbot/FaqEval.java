package com.quanyu.eval.chatbot;

import com.quanyu.chatbot.catalogue.CatalogueFormat;
import com.quanyu.chatbot.catalogue.Product;
import com.quanyu.chatbot.nlu.FaqAnswers;
import com.quanyu.chatbot.nlu.LabeledText;
import com.quanyu.chatbot.nlu.NgramFeaturizer;
import com.quanyu.chatbot.nlu.OnnxSentenceEncoder;
import com.quanyu.chatbot.nlu.ScriptRoutedEncoder;
import com.quanyu.chatbot.nlu.SentenceEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retrieval quality of {@link FaqAnswers} on a FAQ (TSV {@code id<TAB>question<TAB>answer}, header
 * line first) and questions about it ({@code text<TAB>id}, {@code none} for questions it does not
 * answer): accuracy at 1 and 3 on the answerable questions, then per confidence floor the share of
 * answerable questions answered correctly, answered wrongly, and of unanswerable ones refused.
 *
 * A product catalogue CSV in place of the FAQ evaluates the same retrieval over product names and
 * keywords (descriptions of products, SKUs as the queries' labels).
 *
 * <pre>args: [faq.tsv | catalogue.csv] [queries.tsv] [encoder, default all-minilm-l6-v2-q+bge-small-zh-v1.5-q]</pre>
 */
public final class FaqEval {
    private FaqEval() {}

    public static void main(String[] args) throws IOException {
        Path faqFile = Path.of(args.length > 0 ? args[0] : "infra/eval-chatbot/data/faq.tsv");
        String queriesFile = args.length > 1 ? args[1] : "infra/eval-chatbot/data/faq-queries.tsv";
        String encoderName = args.length > 2 ? args[2] : ScriptRoutedEncoder.DEFAULT;
        List<FaqAnswers.Entry> entries = faqFile.toString().endsWith(".csv") ? catalogue(faqFile) : readFaq(faqFile);
        List<LabeledText> queries = IntentDataFiles.read(queriesFile);
        Map<String, SentenceEncoder> loaded = new HashMap<>();
        long start = System.nanoTime();
        SentenceEncoder encoder =
                ScriptRoutedEncoder.resolve(encoderName, n -> loaded.computeIfAbsent(n, OnnxSentenceEncoder::of));
        FaqAnswers faq = FaqAnswers.of(encoder, entries, 0);
        System.out.printf(
                Locale.ROOT,
                "%s: %d questions, %d answers; %s; encoders loaded and FAQ embedded in %.1f s%n",
                faqFile,
                entries.size(),
                entries.stream().map(FaqAnswers.Entry::id).distinct().count(),
                encoder.name(),
                (System.nanoTime() - start) / 1e9);
        List<List<FaqAnswers.Match>> results = new ArrayList<>();
        for (LabeledText query : queries) {
            results.add(faq.top(query.text(), 3));
        }
        int answerable = 0;
        int at1 = 0;
        int at3 = 0;
        for (int i = 0; i < queries.size(); i++) {
            String gold = queries.get(i).label();
            if (gold.equals("none")) {
                continue;
            }
            answerable++;
            List<String> ids = results.get(i).stream().map(m -> m.entry().id()).toList();
            at1 += ids.get(0).equals(gold) ? 1 : 0;
            at3 += ids.contains(gold) ? 1 : 0;
        }
        int unanswerable = queries.size() - answerable;
        System.out.printf(
                Locale.ROOT,
                "%d answerable questions: accuracy@1 %.1f %%, accuracy@3 %.1f %%; %d unanswerable%n",
                answerable,
                100.0 * at1 / answerable,
                100.0 * at3 / answerable,
                unanswerable);
        System.out.println(
                "| floor | answerable: right | answerable: wrong answer | answerable: handed over | unanswerable: handed over |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (double floor = 0.20; floor < 0.91; floor += 0.05) {
            int right = 0;
            int wrong = 0;
            int refused = 0;
            for (int i = 0; i < queries.size(); i++) {
                FaqAnswers.Match best = results.get(i).get(0);
                boolean answered = best.similarity() >= floor;
                String gold = queries.get(i).label();
                if (gold.equals("none")) {
                    refused += answered ? 0 : 1;
                } else if (answered) {
                    if (best.entry().id().equals(gold)) {
                        right++;
                    } else {
                        wrong++;
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %.2f | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n",
                    floor,
                    100.0 * right / answerable,
                    100.0 * wrong / answerable,
                    100.0 * (answerable - right - wrong) / answerable,
                    100.0 * refused / unanswerable);
        }
    }

    /**
     * A catalogue upload's products as texts to retrieve, each entry's id its SKU: per product its
     * Chinese text (Chinese name, the Han words of category and keywords) and its English text
     * (English name and the Latin-script words), as the routed encoders need one script per text.
     */
    static List<FaqAnswers.Entry> catalogue(Path file) throws IOException {
        List<FaqAnswers.Entry> texts = new ArrayList<>();
        for (Product p : CatalogueFormat.fromCsv(Files.readString(file))) {
            List<String> words = new ArrayList<>();
            if (p.category() != null) {
                words.add(p.category());
            }
            words.addAll(p.keywords());
            for (String text : List.of(join(p.nameZh(), words, true), join(p.nameEn(), words, false))) {
                if (!text.isBlank()) {
                    texts.add(new FaqAnswers.Entry(p.sku(), text, p.sku()));
                }
            }
        }
        return texts;
    }

    private static String join(String name, List<String> words, boolean han) {
        StringBuilder text = new StringBuilder(name == null ? "" : name);
        for (String phrase : words) {
            for (String word : phrase.split("\\s+")) {
                if (!word.isEmpty() && word.codePoints().anyMatch(NgramFeaturizer::isCjk) == han) {
                    text.append(han ? "，" : ", ").append(word);
                }
            }
        }
        return text.toString().strip();
    }

    static List<FaqAnswers.Entry> readFaq(Path file) throws IOException {
        List<FaqAnswers.Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t");
            if (cells.length != 3) {
                throw new IllegalArgumentException("not id<TAB>question<TAB>answer: " + line);
            }
            entries.add(new FaqAnswers.Entry(cells[0].trim(), cells[1].trim(), cells[2].trim()));
        }
        return entries;
    }
}
