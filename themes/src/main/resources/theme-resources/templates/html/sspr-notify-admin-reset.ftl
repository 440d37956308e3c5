<#-- Values a client controls (browser, address) reach the page through ${} only, which escapes HTML. -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("ssprNotifyAdminReset", adminUsername, ssprRealmName)}</p>
<ul>
  <li>${msg("ssprNotifyWhen", when)}</li>
  <li>${msg("ssprNotifyIpAddress", ipAddress)}</li>
  <#if userAgent??><li>${msg("ssprNotifyBrowser", userAgent)}</li></#if>
</ul>
<p>${msg("ssprNotifyAdminCheck", adminUsername)}</p>
</@layout.emailLayout>
