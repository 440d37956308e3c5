<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('sspr-email'); section>
    <#if section = "header">
        ${msg("ssprRegisterEmailTitle")}
    <#elseif section = "form">
        <!-- template: sspr-register-email.ftl -->
        <form id="sspr-register-email-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprRegisterEmailInstruction")}</p>
            <@field.input name="sspr-email" label=msg("ssprRegisterEmailLabel") autocomplete="email" autofocus=true />
            <@buttons.actionGroup>
                <@sspr.actionButton value="send" label="ssprRegisterSendCode" id="sspr-register-send"/>
                <@sspr.actionButton value="back" label="ssprRegisterBack" type="secondary" id="sspr-register-back"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
