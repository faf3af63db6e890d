<?xml version="1.0" encoding="utf-8"?>
<!-- Staff tree grouped by department (2008). -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:msxsl="urn:schemas-microsoft-com:xslt"
  xmlns:exsl="http://exslt.org/common">

<xsl:variable name="sorted">
  <xsl:for-each select="/staff/person">
    <xsl:sort select="dept"/>
    <xsl:copy-of select="."/>
  </xsl:for-each>
</xsl:variable>

<xsl:template match="/">
  <!-- ruleid: xml.msxsl-extension -->
  <xsl:for-each select="msxsl:node-set($sorted)/person">
    <div class="person"><xsl:value-of select="name"/></div>
  </xsl:for-each>
  <!-- ruleid: xml.msxsl-extension -->
  <p class="stamp">Printed <xsl:value-of select="msxsl:format-date(string(/staff/@printed), 'yyyy/MM/dd')"/></p>
  <!-- ok: xml.msxsl-extension -->
  <xsl:for-each select="exsl:node-set($sorted)/person[1]"> <!-- not msxsl: -->
    <div class="first"><xsl:value-of select="name"/></div>
  </xsl:for-each>
  <!-- ok: xml.msxsl-extension -->
  <!-- msxsl:node-set() is not available in browsers -->
</xsl:template>

</xsl:stylesheet>
