<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('totp'); section>
    <#if section = "header">
        ${msg("ssprRegisterAppTitle")}
    <#elseif section = "form">
        <!-- template: sspr-register-app.ftl -->
        <form id="sspr-register-app-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate" autocomplete="off">
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprRegisterAppScan")}</p>
            <img id="sspr-totp-qr" src="data:image/png;base64,${ssprTotpQr}" alt="${msg("ssprRegisterAppQrAlt")}" width="200" height="200"/>
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprRegisterAppManual")}</p>
            <p><code id="sspr-totp-secret">${ssprTotpSecret}</code></p>
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg(ssprTotpTimeBased?then("ssprRegisterAppPolicyTotp", "ssprRegisterAppPolicyHotp"), ssprTotpDigits, ssprTotpPeriod)}</p>
            <@field.input name="totp" label=msg("ssprRegisterAppCodeLabel") autocomplete="one-time-code" autofocus=true />
            <@field.input name="userLabel" label=msg("ssprRegisterAppDeviceLabel") autocomplete="off" />
            <@buttons.actionGroup>
                <@sspr.actionButton value="verify" label="ssprVerify" id="sspr-register-verify"/>
                <@sspr.actionButton value="back" label="ssprRegisterBack" type="secondary" id="sspr-register-back"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
