<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('username','altcha'); section>
    <#if section = "header">
        ${msg("ssprChooseUserTitle")}
    <#elseif section = "form">
        <!-- template: sspr-choose-user.ftl -->
        <form id="sspr-choose-user-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprChooseUserIntro")}</p>
            <@field.input name="username" label=msg("ssprUsernameOrEmail") value=ssprUsername!'' autocomplete="username" autofocus=true />

            <#if ssprCaptchaChallenge??>
                <@field.group name="altcha" label=msg("ssprCaptchaLabel") error=messagesPerField.get('altcha')>
                    <altcha-widget id="sspr-captcha" name="altcha" challenge="${ssprCaptchaChallenge}" auto="onload"
                                   language="${(locale.currentLanguageTag)!'en'}"></altcha-widget>
                </@field.group>
                <script type="module" src="${url.resourcesPath}/sspr/altcha/altcha.i18n.min.js"></script>
            </#if>

            <@buttons.actionGroup>
                <@buttons.button id="sspr-next" name="sspr-next" label="ssprNext"/>
                <@buttons.buttonLink href=url.loginUrl label="backToLogin"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
