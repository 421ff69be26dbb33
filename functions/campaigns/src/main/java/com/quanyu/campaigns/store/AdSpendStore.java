package com.quanyu.campaigns.store;

import com.quanyu.campaigns.budget.SpendObservation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Daily ad spend and conversions per ad channel: {@code pk=adspend#<channel>, sk=day#<yyyy-mm-dd>}.
 * Re-importing a day replaces it (imports are corrections, not additions).
 */
public final class AdSpendStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public AdSpendStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public void put(String channel, LocalDate day, BigDecimal spend, String currency, long conversions) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS("adspend#" + channel),
                        "sk", AttributeValue.fromS("day#" + day),
                        "spend", AttributeValue.fromN(spend.toPlainString()),
                        "currency", AttributeValue.fromS(currency),
                        "conversions", AttributeValue.fromN(Long.toString(conversions)))));
    }

    /** Days in {@code [from, to]} of a channel, in one currency (other currencies are an error upstream). */
    public List<SpendObservation> history(String channel, LocalDate from, LocalDate to, String currency) {
        List<SpendObservation> days = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :p AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(
                                ":p",
                                AttributeValue.fromS("adspend#" + channel),
                                ":from",
                                AttributeValue.fromS("day#" + from),
                                ":to",
                                AttributeValue.fromS("day#" + to))))
                .items()
                .forEach(item -> {
                    if (currency.equals(item.get("currency").s())) {
                        days.add(new SpendObservation(
                                Double.parseDouble(item.get("spend").n()),
                                Long.parseLong(item.get("conversions").n())));
                    }
                });
        return days;
    }
}
