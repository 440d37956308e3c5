<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("ssprRegisterProveTitle")}
    <#elseif section = "form">
        <!-- template: sspr-register-prove.ftl -->
        <form id="sspr-register-prove-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprRegisterProveIntro")}</p>
            <div class="${properties.kcFormGroupClass!}" style="display:flex;flex-direction:column;gap:0.5rem">
                <#list ssprProveMethods as method>
                    <button id="sspr-prove-${method.id}" type="submit" name="sspr-action" value="prove:${method.id}"
                            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">
                        ${msg("ssprMethod_" + method.id, method.destination)}
                    </button>
                </#list>
            </div>
            <@buttons.actionGroup>
                <@sspr.actionButton value="back" label="ssprRegisterBack" type="secondary" id="sspr-register-back"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
