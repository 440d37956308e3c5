<#import "template.ftl" as layout>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("ssprVerifyTitle")}
    <#elseif section = "form">
        <!-- template: sspr-methods.ftl -->
        <form id="sspr-methods-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@sspr.progress/>
            <input type="hidden" name="sspr-action" value="choose"/>
            <#if ssprMethods?has_content>
                <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprChooseMethod")}</p>
                <div class="${properties.kcFormGroupClass!}">
                    <#list ssprMethods as method>
                        <button id="sspr-method-${method.id}" type="submit" name="sspr-method" value="${method.id}"
                                class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcMarginTopClass!}">
                            ${msg("ssprMethod_" + method.id, method.destination)}
                        </button>
                    </#list>
                </div>
            <#else>
                <p id="sspr-no-methods">${msg("ssprNoMethodsLeft")}</p>
            </#if>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
