<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("ssprRegisterQuestionsTitle")}
    <#elseif section = "form">
        <!-- template: sspr-register-questions.ftl -->
        <form id="sspr-register-questions-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate" autocomplete="off">
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprRegisterQuestionsInstruction", ssprQuestionSlots?size)}</p>
            <#list ssprQuestionSlots as slot>
                <#assign answerError = messagesPerField.get(slot.answerField)>
                <@field.group name=slot.questionField label=msg("ssprRegisterQuestionLabel", slot?counter)>
                    <span class="${properties.kcInputClass}">
                        <select id="${slot.questionField}" name="${slot.questionField}">
                            <option value="">${msg("ssprRegisterQuestionPick")}</option>
                            <#list ssprQuestionOptions as option>
                                <option value="${option.id}" <#if option.id = slot.chosen>selected</#if>>${option.text}</option>
                            </#list>
                        </select>
                    </span>
                </@field.group>
                <@field.group name=slot.answerField label=msg("ssprRegisterAnswerLabel", slot?counter) error=answerError>
                    <span class="${properties.kcInputClass} <#if answerError?has_content>${properties.kcError}</#if>">
                        <input id="${slot.answerField}" name="${slot.answerField}" type="text" autocomplete="off" maxlength="50"
                               spellcheck="false" aria-invalid="<#if answerError?has_content>true</#if>"/>
                    </span>
                </@field.group>
            </#list>
            <@buttons.actionGroup>
                <@sspr.actionButton value="save" label="ssprRegisterSave" id="sspr-register-save"/>
                <@sspr.actionButton value="back" label="ssprRegisterBack" type="secondary" id="sspr-register-back"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
