<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<#-- The same page for every refusal: it must not depend on anything about the account. -->
<@layout.registrationLayout displayInfo=false displayMessage=false; section>
    <#if section = "header">
        ${msg("ssprUnavailableTitle")}
    <#elseif section = "form">
        <!-- template: sspr-unavailable.ftl -->
        <div id="sspr-unavailable" class="${properties.kcFormClass!}">
            <p>${msg("ssprUnavailableBody")}</p>
            <@sspr.helpdesk/>
            <#if ssprBackUrl??>
                <@buttons.actionGroup>
                    <@buttons.buttonLink id="sspr-back" href=ssprBackUrl label="backToApplication"/>
                </@buttons.actionGroup>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
