<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        ${msg("ssprVerifyTitle")}
    <#elseif section = "form">
        <!-- template: sspr-authenticator-app.ftl -->
        <form id="sspr-app-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@sspr.progress/>
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprAppCodeInstruction", ssprCodeLength)}</p>
            <@field.input name="code" label=msg("ssprCodeLabel") autocomplete="one-time-code" autofocus=true />
            <@buttons.actionGroup>
                <@sspr.actionButton value="verify" label="ssprVerify" id="sspr-verify"/>
                <@sspr.actionButton value="another" label="ssprAnotherMethod" type="secondary" id="sspr-another"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
