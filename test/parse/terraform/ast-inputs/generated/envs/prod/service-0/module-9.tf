module "module_9_0" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-9-0"
  kms_key_arn = aws_kms_key.app_12a.arn
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}

module "module_9_1" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-9-1"
  kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/6a685beb-1542-8015-64a3-0a8fc679a1a5"
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}

module "module_9_2" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-9-2"
  kms_key_arn = aws_kms_key.secrets_28a.arn
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}

module "module_9_3" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-9-3"
  kms_key_arn = aws_kms_key.app_12a.arn
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}

module "module_9_4" {
  source = "../../../modules/bucket"

  name        = "${local.name_prefix}-module-9-4"
  kms_key_arn = aws_kms_key.logs_36a.arn
  versioning  = var.environment == "prod"
  tags        = local.common_tags
}
