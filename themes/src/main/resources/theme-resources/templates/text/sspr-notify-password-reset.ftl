<#ftl output_format="plainText">
<#if byAdmin>${msg("ssprNotifyResetByAdmin", username, ssprRealmName)}<#else>${msg("ssprNotifyResetBySelf", username, ssprRealmName)}</#if>

- ${msg("ssprNotifyWhen", when)}
- ${msg("ssprNotifyIpAddress", ipAddress)}
<#if userAgent??>- ${msg("ssprNotifyBrowser", userAgent)}
</#if>

<#if helpdesk??>${msg("ssprNotifyNotYouHelpdesk")} ${helpdesk?remove_beginning("mailto:")}<#else>${msg("ssprNotifyNotYou")}</#if>
