<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "password-validation.ftl" as validator>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
    <#if section = "header">
        ${msg("ssprNewPasswordTitle")}
    <#elseif section = "form">
        <!-- template: sspr-new-password.ftl -->
        <form id="sspr-new-password-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprNewPasswordIntro")}</p>
            <#if ssprDirectoryRules!false>
                <p id="sspr-directory-rules" class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprDirectoryRulesApply")}</p>
            </#if>
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />
            <@buttons.actionGroup>
                <@buttons.button id="sspr-save-password" name="sspr-save" label="ssprSavePassword"/>
            </@buttons.actionGroup>
        </form>
        <@validator.templates/>
        <@validator.script field="password-new"/>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
