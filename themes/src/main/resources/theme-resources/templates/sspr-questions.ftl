<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("ssprVerifyTitle")}
    <#elseif section = "form">
        <!-- template: sspr-questions.ftl -->
        <form id="sspr-questions-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate" autocomplete="off">
            <@sspr.progress/>
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprQuestionsInstruction")}</p>
            <#list ssprQuestions as question>
                <#assign answerError = messagesPerField.get(question.field)>
                <#-- field.input has no maxlength; 50 leaves room past the 40-character limit for the server to explain -->
                <@field.group name=question.field label=question.text error=answerError>
                    <span class="${properties.kcInputClass} <#if answerError?has_content>${properties.kcError}</#if>">
                        <input id="${question.field}" name="${question.field}" type="text" autocomplete="off" maxlength="50"
                               spellcheck="false" <#if question?is_first>autofocus</#if>
                               aria-invalid="<#if answerError?has_content>true</#if>"/>
                    </span>
                </@field.group>
            </#list>
            <@buttons.actionGroup>
                <@sspr.actionButton value="answer" label="ssprVerify" id="sspr-answer"/>
                <@sspr.actionButton value="another" label="ssprAnotherMethod" type="secondary" id="sspr-another"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
