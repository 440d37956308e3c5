<#ftl output_format="plainText">
${msg("ssprNotifyAdminReset", adminUsername, ssprRealmName)}

- ${msg("ssprNotifyWhen", when)}
- ${msg("ssprNotifyIpAddress", ipAddress)}
<#if userAgent??>- ${msg("ssprNotifyBrowser", userAgent)}
</#if>

${msg("ssprNotifyAdminCheck", adminUsername)}
