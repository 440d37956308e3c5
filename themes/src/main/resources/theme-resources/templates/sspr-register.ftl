<#import "template.ftl" as layout>
<#import "sspr-commons.ftl" as sspr>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        <span id="sspr-register-title">${msg("ssprRegisterTitle_" + ssprTitle)}</span>
    <#elseif section = "form">
        <!-- template: sspr-register.ftl -->
        <form id="sspr-register-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprRegisterIntro_" + ssprTitle)}</p>
            <p id="sspr-register-status" class="${properties.kcInputHelperTextItemTextClass!}">${msg(ssprComplete?then("ssprRegisterStatusComplete", "ssprRegisterStatus"), ssprHeld, ssprNeeded)}</p>
            <ul class="sspr-register-methods" style="list-style:none;padding:0;margin:1rem 0">
                <#list ssprRows as row>
                    <li id="sspr-register-method-${row.id}" data-state="${row.state}" style="padding:0.75rem 0;border-bottom:1px solid #d2d2d2">
                        <div>
                            <strong>${msg("ssprRegisterMethod_" + row.id)}</strong>
                            <#if row.value?has_content><span class="sspr-register-value"> ${row.value}</span></#if>
                        </div>
                        <#if row.state = "registered">
                            <div class="sspr-register-badge ${properties.kcInputHelperTextItemTextClass!}">${msg("ssprRegisterStateRegistered")}</div>
                        <#elseif row.state = "prefilled">
                            <div class="sspr-register-badge ${properties.kcInputHelperTextItemTextClass!}">${msg("ssprRegisterStatePrefilled")}</div>
                        </#if>
                        <div style="display:flex;flex-wrap:wrap;gap:0.5rem;margin-top:0.5rem">
                            <#if row.state = "registered">
                                <#-- a new app is added beside the old one, as in Keycloak's own setup; "Remove" takes the old away -->
                                <button id="sspr-setup-${row.id}" type="submit" name="sspr-action" value="setup:${row.id}"
                                        class="${properties.kcButtonSecondaryClass!}">${msg((row.id = "authenticator-app")?then("ssprRegisterAddAnother", "ssprRegisterChange"))}</button>
                                <#if row.removable>
                                    <button id="sspr-remove-${row.id}" type="submit" name="sspr-action" value="remove:${row.id}"
                                            class="${properties.kcButtonSecondaryClass!}"><#if ssprPendingRemoval = row.id>${msg("ssprRegisterRemoveAnyway")}<#else>${msg("ssprRegisterRemove")}</#if></button>
                                </#if>
                            <#elseif row.state = "prefilled">
                                <button id="sspr-confirm-${row.id}" type="submit" name="sspr-action" value="confirm:${row.id}"
                                        class="${properties.kcButtonPrimaryClass!}">${msg("ssprRegisterConfirm")}</button>
                                <button id="sspr-setup-${row.id}" type="submit" name="sspr-action" value="setup:${row.id}"
                                        class="${properties.kcButtonSecondaryClass!}">${msg("ssprRegisterChange")}</button>
                            <#else>
                                <button id="sspr-setup-${row.id}" type="submit" name="sspr-action" value="setup:${row.id}"
                                        class="${properties.kcButtonSecondaryClass!}">${msg("ssprRegisterSetUp")}</button>
                            </#if>
                        </div>
                    </li>
                </#list>
            </ul>
            <div class="${properties.kcFormGroupClass!}" style="display:flex;flex-direction:column;gap:0.5rem">
                <#if ssprComplete>
                    <@sspr.actionButton value="done" label=(ssprTitle = "reconfirm")?then("ssprRegisterLooksGood", "ssprRegisterDone") id="sspr-register-done"/>
                </#if>
                <#if ssprCanSkip>
                    <@sspr.actionButton value="skip" label="ssprRegisterSkip" type="secondary" id="sspr-register-skip"/>
                </#if>
                <#if ssprAppInitiated>
                    <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                            name="cancel-aia" value="true" id="sspr-register-cancel">${msg("doCancel")}</button>
                </#if>
            </div>
        </form>
    <#elseif section = "info">
        <@sspr.helpdesk/>
    </#if>
</@layout.registrationLayout>
