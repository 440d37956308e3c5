<#import "template.ftl" as layout>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("ssprUnlockChoiceTitle")}
    <#elseif section = "form">
        <!-- template: sspr-unlock-choice.ftl -->
        <form id="sspr-unlock-choice-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprUnlockChoiceIntro")}</p>
            <div class="${properties.kcFormGroupClass!}">
                <button id="sspr-choice-unlock" type="submit" name="sspr-choice" value="unlock"
                        class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("ssprUnlockChoiceUnlock")}</button>
                <button id="sspr-choice-reset" type="submit" name="sspr-choice" value="reset"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcMarginTopClass!}">${msg("ssprUnlockChoiceReset")}</button>
            </div>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
