<#-- Pieces every self-service password reset page shares. -->
<#macro helpdesk>
    <div id="sspr-helpdesk" class="${properties.kcLoginMainFooterHelperText!}">
        <#if ssprHelpdeskHref??>
            ${msg("ssprHelpdeskPrompt")} <a id="sspr-helpdesk-link" href="${ssprHelpdeskHref}">${ssprHelpdeskText}</a>
        <#else>
            ${msg("ssprHelpdeskNone")}
        </#if>
    </div>
</#macro>

<#macro progress>
    <#if (ssprSteps!1) gt 1>
        <p id="sspr-progress" class="${properties.kcInputHelperTextItemTextClass!}">${msg("ssprStepOf", ssprStep, ssprSteps)}</p>
    </#if>
</#macro>

<#macro actionButton value label type="primary" id="">
    <button class="${properties['kcButton' + type?cap_first + 'Class']} ${properties.kcButtonBlockClass}"
            type="submit" name="sspr-action" value="${value}" id="${id}">${msg(label)}</button>
</#macro>
