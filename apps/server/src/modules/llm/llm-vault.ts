// The studio's credential vault: built from the master key (config.secretKey), checked at
// start against a stored canary so a changed AIPIPELINE_SECRET_KEY stops the studio with a
// clear message instead of failing later on every provider call.
import { createLlmDeploymentRepository, createLlmVaultRepository, type Db } from '@aipipeline/db'
import { type CredentialVault, createCredentialVault, rotateCredentials } from '@aipipeline/llm'

/** Creates the vault, stores the canary on first start and verifies it on every later one. */
export async function openStudioVault(db: Db, masterKey: Buffer): Promise<CredentialVault> {
  const vault = createCredentialVault(masterKey)
  const stored = await createLlmVaultRepository(db).ensureCanary(vault.makeCanary(), vault.keyId)
  vault.checkCanary(stored.sealed) // throws VaultKeyMismatch naming AIPIPELINE_SECRET_KEY
  return vault
}

/** Re-encrypts every stored API key (and the canary) from the old master key to the new one. */
export async function rotateVaultKey(db: Db, oldMasterKey: Buffer, newMasterKey: Buffer): Promise<number> {
  const from = createCredentialVault(oldMasterKey)
  const to = createCredentialVault(newMasterKey)
  const vaultRepo = createLlmVaultRepository(db)
  const canary = await vaultRepo.canary()
  if (canary) from.checkCanary(canary.sealed)
  const deployments = createLlmDeploymentRepository(db)
  const sealed = await deployments.sealedKeys()
  const rotated = rotateCredentials(
    sealed.map((s) => ({ context: s.id, sealed: s.sealed })),
    from,
    to,
  )
  await vaultRepo.ensureCanary(from.makeCanary(), from.keyId)
  await deployments.replaceSealedKeys(
    rotated.map((r) => ({ id: r.context, sealed: r.sealed })),
    { sealed: to.makeCanary(), keyId: to.keyId },
  )
  return rotated.length
}
