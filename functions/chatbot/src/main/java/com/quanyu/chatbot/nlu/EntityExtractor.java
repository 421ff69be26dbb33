package com.quanyu.chatbot.nlu;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds order numbers, phone numbers, SKUs, quoted product names and dates in Chinese or English
 * text. Full-width digits and letters are folded first (NFKC), so "订单号：１２３４５６" works.
 */
public final class EntityExtractor {
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+|00)86[- ]?)?(1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4})(?!\\d)|(?<![\\w+])\\+(\\d{1,3})[- ]?(\\d[\\d -]{6,14}\\d)(?!\\d)");
    private static final Pattern LABELLED_ORDER = Pattern.compile(
            "(?:order(?:\\s*(?:no\\.?|number|id|#))?|订单号?|訂單號?|单号|單號|#)\\s*[:：#是为]?\\s*([a-z]{0,4}-?\\d{5,20})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_ORDER =
            Pattern.compile("(?<![\\w-])([a-z]{2,4}-?\\d{6,20})(?![\\w-])", Pattern.CASE_INSENSITIVE);
    /** Shop-style ids such as {@code ord-42-person-108-108}: letters, then hyphenated parts, with at least one digit. */
    private static final Pattern HYPHENATED_ORDER = Pattern.compile(
            "(?<![\\w-])((?=[a-z0-9-]*\\d)[a-z]{2,6}(?:-[a-z0-9]{1,12}){1,6})(?![\\w-])", Pattern.CASE_INSENSITIVE);

    private static final Pattern BARE_NUMBER = Pattern.compile("(?<![\\w+-])(\\d{6,20})(?![\\w-])");
    private static final Pattern SKU =
            Pattern.compile("(?<![\\w])sku[-:：\\s#]?\\s*([a-z0-9][a-z0-9-]{1,24})", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("[「“\"《]([^」”\"》]{2,60})[」”\"》]");
    private static final Pattern ISO_DATE =
            Pattern.compile("(?<!\\d)(20\\d{2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})(?!\\d)");
    private static final Pattern CN_DATE = Pattern.compile("(?<![\\d年])(\\d{1,2})月(\\d{1,2})[日号號]");
    private static final Pattern EN_DATE = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> RELATIVE_DAYS =
            Map.of("today", 0, "tomorrow", 1, "yesterday", -1, "今天", 0, "明天", 1, "后天", 2, "昨天", -1, "前天", -2);
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private EntityExtractor() {}

    /** Extracts entities; {@code today} anchors relative dates and dates without a year. */
    public static Entities extract(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Entities.none();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
        List<String> phones = new ArrayList<>();
        Matcher m = PHONE.matcher(t);
        while (m.find()) {
            phones.add(
                    m.group(1) != null
                            ? "+86" + m.group(1).replaceAll("[- ]", "")
                            : "+" + m.group(2) + m.group(3).replaceAll("[- ]", ""));
        }
        String withoutPhones = PHONE.matcher(t).replaceAll(" ");
        List<String> skus = new ArrayList<>();
        addAll(
                SKU.matcher(withoutPhones),
                1,
                skus,
                s -> "SKU-" + s.toUpperCase(Locale.ROOT).replaceFirst("^-", ""));
        String rest = SKU.matcher(withoutPhones).replaceAll(" ");
        List<LocalDate> dates = dates(rest, today);
        String withoutDates =
                CN_DATE.matcher(ISO_DATE.matcher(rest).replaceAll(" ")).replaceAll(" ");
        List<String> orders = new ArrayList<>();
        addAll(LABELLED_ORDER.matcher(withoutDates), 1, orders, EntityExtractor::orderNumber);
        addAll(CODE_ORDER.matcher(withoutDates), 1, orders, EntityExtractor::orderNumber);
        addAll(HYPHENATED_ORDER.matcher(withoutDates), 1, orders, EntityExtractor::orderNumber);
        addAll(BARE_NUMBER.matcher(withoutDates), 1, orders, EntityExtractor::orderNumber);
        // "ord-71234-person-9-9" also matches the shorter formats ("ORD-71234"): keep only the whole id
        List<String> whole = List.copyOf(orders);
        orders.removeIf(id -> whole.stream().anyMatch(other -> other.length() > id.length() && other.contains(id)));
        List<String> products = new ArrayList<>();
        addAll(QUOTED.matcher(t), 1, products, String::trim);
        return new Entities(orders, phones, skus, products, dates);
    }

    private static String orderNumber(String raw) {
        return raw.toUpperCase(Locale.ROOT);
    }

    private static void addAll(
            Matcher m, int group, List<String> into, java.util.function.UnaryOperator<String> clean) {
        while (m.find()) {
            String value = clean.apply(m.group(group));
            if (!into.contains(value)) {
                into.add(value);
            }
        }
    }

    private static List<LocalDate> dates(String t, LocalDate today) {
        List<LocalDate> dates = new ArrayList<>();
        Matcher m = ISO_DATE.matcher(t);
        while (m.find()) {
            add(dates, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = CN_DATE.matcher(t);
        while (m.find()) {
            add(dates, today.getYear(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = EN_DATE.matcher(t);
        while (m.find()) {
            String month = (m.group(1) != null ? m.group(1) : m.group(4)).toLowerCase(Locale.ROOT);
            String day = m.group(2) != null ? m.group(2) : m.group(3);
            add(dates, today.getYear(), MONTHS.indexOf(month) + 1, Integer.parseInt(day));
        }
        String lower = t.toLowerCase(Locale.ROOT);
        RELATIVE_DAYS.entrySet().stream()
                .filter(e -> lower.contains(e.getKey()))
                .map(e -> today.plusDays(e.getValue()))
                .filter(d -> !dates.contains(d))
                .forEach(dates::add);
        return dates;
    }

    private static void add(List<LocalDate> dates, int year, int month, int day) {
        try {
            LocalDate date = LocalDate.of(year, month, day);
            if (!dates.contains(date)) {
                dates.add(date);
            }
        } catch (DateTimeException e) {
            // "13月45日" is not a date: ignore it
        }
    }
}
