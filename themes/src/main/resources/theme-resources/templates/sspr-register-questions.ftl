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
                <div class="${properties.kcFormGroupClass!}">
                    <label for="${slot.questionField}" class="${properties.kcLabelClass!}">${msg("ssprRegisterQuestionLabel", slot?counter)}</label>
                    <select id="${slot.questionField}" name="${slot.questionField}" class="${properties.kcInputClass!}">
                        <option value="">${msg("ssprRegisterQuestionPick")}</option>
                        <#list ssprQuestionOptions as option>
                            <option value="${option.id}" <#if option.id = slot.chosen>selected</#if>>${option.text}</option>
                        </#list>
                    </select>
                </div>
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
