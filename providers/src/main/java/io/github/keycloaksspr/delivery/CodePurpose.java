package io.github.keycloaksspr.delivery;

/**
 * Why a code is sent, which decides its words: whoever receives a code for an address someone typed at
 * registration must not read that their password is being reset, nor the other way round.
 */
public enum CodePurpose {
    RESET("sspr-email-code.ftl", "ssprEmailCodeSubject", "ssprSmsCodeBody", "ssprVoiceCodeIntro"),
    REGISTRATION("sspr-email-registration-code.ftl", "ssprRegisterEmailCodeSubject", "ssprRegisterSmsCodeBody",
            "ssprRegisterVoiceCodeIntro");

    private final String emailTemplate;
    private final String emailSubject;
    private final String smsBody;
    private final String voiceIntro;

    CodePurpose(String emailTemplate, String emailSubject, String smsBody, String voiceIntro) {
        this.emailTemplate = emailTemplate;
        this.emailSubject = emailSubject;
        this.smsBody = smsBody;
        this.voiceIntro = voiceIntro;
    }

    String emailTemplate() {
        return emailTemplate;
    }

    String emailSubject() {
        return emailSubject;
    }

    String smsBody() {
        return smsBody;
    }

    String voiceIntro() {
        return voiceIntro;
    }
}
