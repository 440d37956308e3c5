<#-- Values a client controls (browser, address) reach the page through ${} only, which escapes HTML. -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if byAdmin>${msg("ssprNotifyResetByAdmin", username, ssprRealmName)}<#else>${msg("ssprNotifyResetBySelf", username, ssprRealmName)}</#if></p>
<ul>
  <li>${msg("ssprNotifyWhen", when)}</li>
  <li>${msg("ssprNotifyIpAddress", ipAddress)}</li>
  <#if userAgent??><li>${msg("ssprNotifyBrowser", userAgent)}</li></#if>
</ul>
<p><#if helpdesk??>${msg("ssprNotifyNotYouHelpdesk")} <a href="${helpdesk}">${helpdesk?remove_beginning("mailto:")}</a><#else>${msg("ssprNotifyNotYou")}</#if></p>
</@layout.emailLayout>
