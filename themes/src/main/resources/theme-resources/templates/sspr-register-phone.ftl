<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('sspr-phone','sspr-extension','sspr-channel'); section>
    <#if section = "header">
        ${msg("ssprRegisterPhoneTitle_" + ssprFactor)}
    <#elseif section = "form">
        <!-- template: sspr-register-phone.ftl -->
        <form id="sspr-register-phone-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprRegisterPhoneInstruction")}</p>
            <@field.input name="sspr-phone" label=msg("ssprRegisterPhoneLabel") autocomplete="tel" autofocus=true />
            <#if ssprFactor = "office-phone">
                <@field.input name="sspr-extension" label=msg("ssprRegisterExtensionLabel") autocomplete="off" />
            <#elseif ssprChannels?size gt 1>
                <div class="${properties.kcFormGroupClass!}" id="sspr-channel-group">
                    <#list ssprChannels as channel>
                        <label class="${properties.kcCheckboxInputClass!}" style="display:block">
                            <input type="radio" id="sspr-channel-${channel}" name="sspr-channel" value="${channel}" <#if channel?is_first>checked</#if>/>
                            ${msg("ssprRegisterChannel_" + channel)}
                        </label>
                    </#list>
                    <#if messagesPerField.existsError('sspr-channel')>
                        <span class="${properties.kcInputErrorMessageClass!}">${kcSanitize(messagesPerField.get('sspr-channel'))?no_esc}</span>
                    </#if>
                </div>
            <#else>
                <input type="hidden" name="sspr-channel" value="${ssprChannels[0]}"/>
            </#if>
            <@buttons.actionGroup>
                <@sspr.actionButton value="send" label="ssprRegisterSendCode" id="sspr-register-send"/>
                <@sspr.actionButton value="back" label="ssprRegisterBack" type="secondary" id="sspr-register-back"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
