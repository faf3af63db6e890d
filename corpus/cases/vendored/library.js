// ruleid: vendored.library
/*! jQuery v1.7.2 jquery.com | jquery.org/license */
(function(a,b){var f=function(a,b){return new f.fn.init(a,b)};f.fn=f.prototype={constructor:f,
init:function(a,c,d){return this},selector:"",jquery:"1.7.2",length:0};
f.bindReady=function(){if(c.addEventListener){c.addEventListener("DOMContentLoaded",B,!1)}
else if(c.attachEvent){c.attachEvent("onreadystatechange",B);a.attachEvent("onload",f.ready)}};
// ok: vendored.library
a.jQuery=a.$=f})(window);
