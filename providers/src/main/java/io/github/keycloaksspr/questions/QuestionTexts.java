package io.github.keycloaksspr.questions;

import java.util.Properties;

/** Turns a question into the sentence a user reads. */
public final class QuestionTexts {

    private QuestionTexts() {
    }

    /**
     * The text of {@code question} in the language of {@code messages}. Pass the login theme's messages with the
     * realm's overrides merged ({@code Theme.getEnhancedMessages(realm, locale)}) so an admin can reword a built-in
     * question under Realm settings > Localization. Like FreeMarker's {@code msg}, a missing key shows the key.
     */
    public static String resolve(Question question, Properties messages) {
        if (question.isCustom()) {
            return question.customText();
        }
        return messages.getProperty(question.messageKey(), question.messageKey());
    }
}
