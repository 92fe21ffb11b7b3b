using System.Resources;

// The neutral resources (Resources/ErrorMessages.resx) are English; zh-CN lives in a satellite assembly (R6).
[assembly: NeutralResourcesLanguage("en")]
