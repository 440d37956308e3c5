<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        ${msg(ssprProving?then("ssprRegisterProveTitle", "ssprRegisterCodeTitle"))}
    <#elseif section = "form">
        <!-- template: sspr-register-code.ftl -->
        <form id="sspr-register-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprRegisterCodeInstruction_" + ssprChannel, ssprDestination, ssprCodeLength, ssprCodeMinutes)}</p>
            <@field.input name="code" label=msg("ssprCodeLabel") autocomplete="one-time-code" autofocus=true />
            <@buttons.actionGroup>
                <@sspr.actionButton value="verify" label="ssprVerify" id="sspr-register-verify"/>
                <#if ssprChannel != "app">
                    <@sspr.actionButton value="resend" label="ssprResend" type="secondary" id="sspr-register-resend"/>
                </#if>
                <@sspr.actionButton value="back" label="ssprRegisterBack" type="secondary" id="sspr-register-back"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
