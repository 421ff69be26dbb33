package com.quanyu.chatbot.dialogue;

import java.time.Instant;

/** One line of a conversation's transcript: {@code role} is {@code customer} or {@code bot}. */
public record TranscriptLine(Instant at, String messageId, String role, String text, String intent) {}
