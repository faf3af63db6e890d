/*
 * Signs approval forms with the user's smart-card certificate (2009).
 */
var CAPICOM_CURRENT_USER_STORE = 2;
var CAPICOM_STORE_OPEN_READ_ONLY = 0;

function signApproval(text) {
  // ruleid: activex.capicom
  var store = new ActiveXObject("CAPICOM.Store");
  store.Open(CAPICOM_CURRENT_USER_STORE, "My", CAPICOM_STORE_OPEN_READ_ONLY);
  // ruleid: activex.capicom
  var signer = new ActiveXObject("CAPICOM.Signer.2");
  signer.Certificate = store.Certificates.Item(1);
  // ruleid: activex.capicom
  var signed = new ActiveXObject("CAPICOM.SignedData");
  signed.Content = text;
  return signed.Sign(signer, true, 0);
}

function requestCertificate(subject) {
  // ruleid: activex.capicom
  var factory = new ActiveXObject("X509Enrollment.CX509EnrollmentWebClassFactory");
  var enroll = factory.CreateObject("X509Enrollment.CX509Enrollment");
  enroll.InitializeFromTemplateName(1, "AcmeUser");
  return enroll.CreateRequest(1);
}

// ok: activex.capicom
// CAPICOM constants above follow capicom.h from the 2.1.0.2 SDK.
async function signOnServer(text) {
  // ok: activex.capicom
  var response = await fetch("/api/sign?profile=CAPICOM-compatible", { method: "POST", body: text });
  return response.text();
}
