<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true displayMessage=false; section>
    <#if section = "header">
        <#if ssprUnlocked??>${msg("ssprUnlockedTitle")}<#else>${msg("ssprDoneTitle")}</#if>
    <#elseif section = "form">
        <!-- template: sspr-done.ftl -->
        <div id="sspr-done" class="${properties.kcFormClass!}">
            <p><#if ssprUnlocked??>${msg("ssprUnlockedBody")}<#else>${msg("ssprDoneBody")}</#if></p>
            <@buttons.actionGroup>
                <@buttons.buttonLink id="sspr-sign-in" href=url.loginRestartFlowUrl label="ssprSignIn" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
            </@buttons.actionGroup>
        </div>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
