<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true displayMessage=false; section>
    <#if section = "header">
        ${msg("ssprDoneTitle")}
    <#elseif section = "form">
        <!-- template: sspr-done.ftl -->
        <div id="sspr-done" class="${properties.kcFormClass!}">
            <p>${msg("ssprDoneBody")}</p>
            <@buttons.actionGroup>
                <@buttons.buttonLink id="sspr-sign-in" href=url.loginRestartFlowUrl label="ssprSignIn" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
            </@buttons.actionGroup>
        </div>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
